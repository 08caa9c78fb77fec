using ImsLab.Data.Entities;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Data.Stores;

/// <summary>Reads and writes a <see cref="BindingFlow"/> as the six flow_* columns.</summary>
internal static class FlowColumns
{
    public static readonly string[] Names =
        ["flow_transport", "flow_remote_address", "flow_remote_port", "flow_local_address", "flow_local_port", "flow_connection_id"];

    public static object Value(BindingFlow flow, int index) => index switch
    {
        0 => flow.Transport,
        1 => flow.RemoteAddress,
        2 => flow.RemotePort,
        3 => flow.LocalAddress,
        4 => flow.LocalPort,
        _ => flow.ConnectionId,
    };

    public static BindingFlow ToFlow(this IFlowColumns row) =>
        new(row.FlowTransport, row.FlowRemoteAddress, row.FlowRemotePort, row.FlowLocalAddress, row.FlowLocalPort, row.FlowConnectionId);
}
