namespace ImsLab.Data.Entities;

/// <summary>The flow columns shared by bindings and reg-event subscriptions.</summary>
internal interface IFlowColumns
{
    string FlowTransport { get; }
    string FlowRemoteAddress { get; }
    int FlowRemotePort { get; }
    string FlowLocalAddress { get; }
    int FlowLocalPort { get; }
    long FlowConnectionId { get; }
}
