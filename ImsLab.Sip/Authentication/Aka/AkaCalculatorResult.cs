namespace ImsLab.Sip.Authentication.Aka;

/// <summary>Either the calculator's output or the list of input errors; user input never throws.</summary>
public sealed class AkaCalculatorResult<T> where T : class
{
    private AkaCalculatorResult(T? value, IReadOnlyList<AkaCalculatorInputError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The output when every input was valid.</summary>
    public T? Value { get; }

    /// <summary>Input errors, empty on success.</summary>
    public IReadOnlyList<AkaCalculatorInputError> Errors { get; }

    /// <summary>True when <see cref="Value"/> is set.</summary>
    public bool IsValid => Value is not null;

    internal static AkaCalculatorResult<T> Ok(T value) => new(value, []);

    internal static AkaCalculatorResult<T> Invalid(IReadOnlyList<AkaCalculatorInputError> errors) => new(null, errors);
}
