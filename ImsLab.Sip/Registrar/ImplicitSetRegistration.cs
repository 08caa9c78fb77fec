using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Registrar;

/// <summary>
/// The registration state of one implicit registration set (TS 23.228 4.3.3.4): its IMPUs, which register and
/// deregister together, and the contacts bound to them. Mutated only under <see cref="Gate"/>, which is never held
/// across an await.
/// </summary>
internal sealed class ImplicitSetRegistration(string registeredImpu, IReadOnlyList<PublicIdentity> members)
{
    public Lock Gate { get; } = new();

    /// <summary>The IMPU the set was registered with (the To of the first REGISTER).</summary>
    public string RegisteredImpu { get; } = registeredImpu;

    /// <summary>Every IMPU of the set, the registered one first; barred ones included (they are hidden when shown).</summary>
    public IReadOnlyList<PublicIdentity> Members { get; set; } = members;

    /// <summary>The current bindings. Replaced as a whole under <see cref="Gate"/>, so a reader's snapshot never tears.</summary>
    public RegistrationBinding[] Bindings { get; set; } = [];

    /// <summary>Set under <see cref="Gate"/> when the last binding went and the table forgot the set; whoever finds
    /// it so must look the set up again.</summary>
    public bool Removed { get; set; }

    /// <summary>Stable reg-event registration id of an IMPU of the set (RFC 3680 5.3 "id").</summary>
    public static string RegistrationIdOf(string impu) => Convert.ToHexStringLower(
        System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(impu.ToLowerInvariant())).AsSpan(0, 6));
}
