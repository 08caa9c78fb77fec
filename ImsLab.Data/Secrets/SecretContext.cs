namespace ImsLab.Data.Secrets;

/// <summary>The associated data binding each encrypted column to its field and IMPI (IMPIs never change).</summary>
internal static class SecretContext
{
    public static string K(string impi) => "k:" + impi;
    public static string Op(string impi) => "op:" + impi;
    public static string Opc(string impi) => "opc:" + impi;
    public static string Ha1Md5(string impi) => "ha1-md5:" + impi;
    public static string Ha1Sha256(string impi) => "ha1-sha256:" + impi;
}
