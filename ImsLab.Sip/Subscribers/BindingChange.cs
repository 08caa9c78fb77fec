namespace ImsLab.Sip.Subscribers;

/// <summary>One write to the binding store; a batch of them is applied in one transaction.</summary>
public abstract record BindingChange
{
    private BindingChange() { }

    /// <summary>Creates or replaces the binding with the same <see cref="RegistrationBinding.Id"/>.</summary>
    public sealed record Upsert(RegistrationBinding Binding) : BindingChange;

    /// <summary>Removes the binding with this id; removing an absent binding is not an error.</summary>
    public sealed record Remove(Guid BindingId) : BindingChange;
}
