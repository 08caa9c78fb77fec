namespace ImsLab.Sip.Authentication.Aka;

/// <summary>Field lengths in octets of the 3GPP AKA parameters (TS 33.102 6.3.7, TS 35.206 clause 2).</summary>
public static class AkaLength
{
    /// <summary>Subscriber key K: 128 bits.</summary>
    public const int K = 16;
    /// <summary>Operator variant configuration field OP: 128 bits.</summary>
    public const int Op = 16;
    /// <summary>OPc = OP xor E_K(OP): 128 bits.</summary>
    public const int Opc = 16;
    /// <summary>Random challenge RAND: 128 bits.</summary>
    public const int Rand = 16;
    /// <summary>Sequence number SQN: 48 bits.</summary>
    public const int Sqn = 6;
    /// <summary>Authentication management field AMF: 16 bits.</summary>
    public const int Amf = 2;
    /// <summary>MAC-A (f1) and MAC-S (f1*): 64 bits.</summary>
    public const int Mac = 8;
    /// <summary>RES / XRES (f2): 64 bits with MILENAGE.</summary>
    public const int Res = 8;
    /// <summary>Cipher key CK (f3): 128 bits.</summary>
    public const int Ck = 16;
    /// <summary>Integrity key IK (f4): 128 bits.</summary>
    public const int Ik = 16;
    /// <summary>Anonymity key AK (f5) and AK* (f5*): 48 bits.</summary>
    public const int Ak = 6;
    /// <summary>AUTN = (SQN xor AK) || AMF || MAC-A: 128 bits.</summary>
    public const int Autn = Sqn + Amf + Mac;
    /// <summary>AUTS = (SQN_MS xor AK*) || MAC-S: 112 bits.</summary>
    public const int Auts = Sqn + Mac;

    /// <summary>Largest value a 48-bit SQN can take.</summary>
    public const long MaxSqn = (1L << (Sqn * 8)) - 1;
}
