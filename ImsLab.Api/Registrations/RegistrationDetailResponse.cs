namespace ImsLab.Api.Registrations;

/// <summary>A binding with the last SIP exchanges of its IMPU, oldest first (the ladder diagram of the dashboard).</summary>
internal sealed record RegistrationDetailResponse(RegistrationResponse Registration, IReadOnlyList<SipExchangeResponse> Exchanges);
