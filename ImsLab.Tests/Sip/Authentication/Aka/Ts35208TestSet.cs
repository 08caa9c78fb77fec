namespace ImsLab.Tests.Sip.Authentication.Aka;

/// <summary>
/// 3GPP TS 35.208 4.3 "Design conformance test data", test sets 1 to 20 (set 2 repeats set 1 in the document).
/// Transcribed once and checked against two independent public transcriptions of the same tables.
/// </summary>
public sealed record Ts35208TestSet(int Number, string K, string Rand, string Sqn, string Amf, string Op, string Opc,
    string F1, string F1Star, string F2, string F3, string F4, string F5, string F5Star)
{
    public static IReadOnlyList<Ts35208TestSet> All { get; } =
    [
        new(1, K: "465b5ce8b199b49faa5f0a2ee238a6bc", Rand: "23553cbe9637a89d218ae64dae47bf35", Sqn: "ff9bb4d0b607", Amf: "b9b9", Op: "cdc202d5123e20f62b6d676ac72cb318", Opc: "cd63cb71954a9f4e48a5994e37a02baf",
            F1: "4a9ffac354dfafb3", F1Star: "01cfaf9ec4e871e9", F2: "a54211d5e3ba50bf", F3: "b40ba9a3c58b2a05bbf0d987b21bf8cb", F4: "f769bcd751044604127672711c6d3441", F5: "aa689c648370", F5Star: "451e8beca43b"),
        new(2, K: "465b5ce8b199b49faa5f0a2ee238a6bc", Rand: "23553cbe9637a89d218ae64dae47bf35", Sqn: "ff9bb4d0b607", Amf: "b9b9", Op: "cdc202d5123e20f62b6d676ac72cb318", Opc: "cd63cb71954a9f4e48a5994e37a02baf",
            F1: "4a9ffac354dfafb3", F1Star: "01cfaf9ec4e871e9", F2: "a54211d5e3ba50bf", F3: "b40ba9a3c58b2a05bbf0d987b21bf8cb", F4: "f769bcd751044604127672711c6d3441", F5: "aa689c648370", F5Star: "451e8beca43b"),
        new(3, K: "fec86ba6eb707ed08905757b1bb44b8f", Rand: "9f7c8d021accf4db213ccff0c7f71a6a", Sqn: "9d0277595ffc", Amf: "725c", Op: "dbc59adcb6f9a0ef735477b7fadf8374", Opc: "1006020f0a478bf6b699f15c062e42b3",
            F1: "9cabc3e99baf7281", F1Star: "95814ba2b3044324", F2: "8011c48c0c214ed2", F3: "5dbdbb2954e8f3cde665b046179a5098", F4: "59a92d3b476a0443487055cf88b2307b", F5: "33484dc2136b", F5Star: "deacdd848cc6"),
        new(4, K: "9e5944aea94b81165c82fbf9f32db751", Rand: "ce83dbc54ac0274a157c17f80d017bd6", Sqn: "0b604a81eca8", Amf: "9e09", Op: "223014c5806694c007ca1eeef57f004f", Opc: "a64a507ae1a2a98bb88eb4210135dc87",
            F1: "74a58220cba84c49", F1Star: "ac2cc74a96871837", F2: "f365cd683cd92e96", F3: "e203edb3971574f5a94b0d61b816345d", F4: "0c4524adeac041c4dd830d20854fc46b", F5: "f0b9c08ad02e", F5Star: "6085a86c6f63"),
        new(5, K: "4ab1deb05ca6ceb051fc98e77d026a84", Rand: "74b0cd6031a1c8339b2b6ce2b8c4a186", Sqn: "e880a1b580b6", Amf: "9f07", Op: "2d16c5cd1fdf6b22383584e3bef2a8d8", Opc: "dcf07cbd51855290b92a07a9891e523e",
            F1: "49e785dd12626ef2", F1Star: "9e85790336bb3fa2", F2: "5860fc1bce351e7e", F3: "7657766b373d1c2138f307e3de9242f9", F4: "1c42e960d89b8fa99f2744e0708ccb53", F5: "31e11a609118", F5Star: "fe2555e54aa9"),
        new(6, K: "6c38a116ac280c454f59332ee35c8c4f", Rand: "ee6466bc96202c5a557abbeff8babf63", Sqn: "414b98222181", Amf: "4464", Op: "1ba00a1a7c6700ac8c3ff3e96ad08725", Opc: "3803ef5363b947c6aaa225e58fae3934",
            F1: "078adfb488241a57", F1Star: "80246b8d0186bcf1", F2: "16c8233f05a0ac28", F3: "3f8c7587fe8e4b233af676aede30ba3b", F4: "a7466cc1e6b2a1337d49d3b66e95d7b4", F5: "45b0f69ab06c", F5Star: "1f53cd2b1113"),
        new(7, K: "2d609d4db0ac5bf0d2c0de267014de0d", Rand: "194aa756013896b74b4a2a3b0af4539e", Sqn: "6bf69438c2e4", Amf: "5f67", Op: "460a48385427aa39264aac8efc9e73e8", Opc: "c35a0ab0bcbfc9252caff15f24efbde0",
            F1: "bd07d3003b9e5cc3", F1Star: "bcb6c2fcad152250", F2: "8c25a16cd918a1df", F3: "4cd0846020f8fa0731dd47cbdc6be411", F4: "88ab80a415f15c73711254a1d388f696", F5: "7e6455f34cf3", F5Star: "dc6dd01e8f15"),
        new(8, K: "a530a7fe428fad1082c45eddfce13884", Rand: "3a4c2b3245c50eb5c71d08639395764d", Sqn: "f63f5d768784", Amf: "b90e", Op: "511c6c4e83e38c89b1c5d8dde62426fa", Opc: "27953e49bc8af6dcc6e730eb80286be3",
            F1: "53761fbd679b0bad", F1Star: "21adfd334a10e7ce", F2: "a63241e1ffc3e5ab", F3: "10f05bab75a99a5fbb98a9c287679c3b", F4: "f9ec0865eb32f22369cade40c59c3a44", F5: "88196c47986f", F5Star: "c987a3d23115"),
        new(9, K: "d9151cf04896e25830bf2e08267b8360", Rand: "f761e5e93d603feb730e27556cb8a2ca", Sqn: "47ee0199820a", Amf: "9113", Op: "75fc2233a44294ee8e6de25c4353d26b", Opc: "c4c93effe8a08138c203d4c27ce4e3d9",
            F1: "66cc4be44862af1f", F1Star: "7a4b8d7a8753f246", F2: "4a90b2171ac83a76", F3: "71236b7129f9b22ab77ea7a54c96da22", F4: "90527ebaa5588968db41727325a04d9e", F5: "82a0f5287a71", F5Star: "527dbf41f35f"),
        new(10, K: "a0e2971b6822e8d354a18cc235624ecb", Rand: "08eff828b13fdb562722c65c7f30a9b2", Sqn: "db5c066481e0", Amf: "716b", Op: "323792faca21fb4d5d6f13c145a9d2c1", Opc: "82a26f22bba9e9488f949a10d98e9cc4",
            F1: "9485fe24621cb9f6", F1Star: "bce325ce03e2e9b9", F2: "4bc2212d8624910a", F3: "08cef6d004ec61471a3c3cda048137fa", F4: "ed0318ca5deb9206272f6e8fa64ba411", F5: "a2f858aa9e5d", F5Star: "74e76fbbec38"),
        new(11, K: "0da6f7ba86d5eac8a19cf563ac58642d", Rand: "679ac4dbacd7d233ff9d6806f4149ce3", Sqn: "6e2331d692ad", Amf: "224a", Op: "4b9a26fa459e3acbff36f4015de3bdc1", Opc: "0db1071f8767562ca43a0a64c41e8d08",
            F1: "2831d7ae9088e492", F1Star: "9b2e16951135d523", F2: "6fc30fee6d123523", F3: "69b1cae7c7429d975e245cacb05a517c", F4: "74f24e8c26df58e1b38d7dcd4f1b7fbd", F5: "4c539a26e1fa", F5Star: "07861e126928"),
        new(12, K: "77b45843c88e58c10d202684515ed430", Rand: "4c47eb3076dc55fe5106cb2034b8cd78", Sqn: "fe1a8731005d", Amf: "ad25", Op: "bf3286c7a51409ce95724d503bfe6e70", Opc: "d483afae562409a326b5bb0b20c4d762",
            F1: "08332d7e9f484570", F1Star: "ed41b734489d5207", F2: "aefa357beac2a87a", F3: "908c43f0569cb8f74bc971e706c36c5f", F4: "c251df0d888dd9329bcf46655b226e40", F5: "30ff25cdadf6", F5Star: "e84ed0d4677e"),
        new(13, K: "729b17729270dd87ccdf1bfe29b4e9bb", Rand: "311c4c929744d675b720f3b7e9b1cbd0", Sqn: "c85c4cf65916", Amf: "5bb2", Op: "d04c9c35bd2262fa810d2924d036fd13", Opc: "228c2f2f06ac3268a9e616ee16db4ba1",
            F1: "ff794fe2f827ebf8", F1Star: "24fe4dc61e874b52", F2: "98dbbd099b3b408d", F3: "44c0f23c5493cfd241e48f197e1d1012", F4: "0c9fb81613884c2535dd0eabf3b440d8", F5: "5380d158cfe3", F5Star: "87ac3b559fb6"),
        new(14, K: "d32dd23e89dc662354ca12eb79dd32fa", Rand: "cf7d0ab1d94306950bf12018fbd46887", Sqn: "484107e56a43", Amf: "b5e6", Op: "fe75905b9da47d356236d0314e09c32e", Opc: "d22a4b4180a5325708a5ff70d9f67ec7",
            F1: "cf19d62b6a809866", F1Star: "5d269537e45e2ce6", F2: "af4a411e1139f2c2", F3: "5af86b80edb70df5292cc1121cbad50c", F4: "7f4d6ae7440e18789a8b75ad3f42f03a", F5: "217af49272ad", F5Star: "900e101c677e"),
        new(15, K: "af7c65e1927221de591187a2c5987a53", Rand: "1f0f8578464fd59b64bed2d09436b57a", Sqn: "3d627b01418d", Amf: "84f6", Op: "0c7acb8d95b7d4a31c5aca6d26345a88", Opc: "a4cf5c8155c08a7eff418e5443b98e55",
            F1: "c37cae7805642032", F1Star: "68cd09a452d8db7c", F2: "7bffa5c2f41fbc05", F3: "3f8c3f3ccf7625bf77fc94bcfd22fd26", F4: "abcbae8fd46115e9961a55d0da5f2078", F5: "837fd7b74419", F5Star: "56e97a6090b1"),
        new(16, K: "5bd7ecd3d3127a41d12539bed4e7cf71", Rand: "59b75f14251c75031d0bcbac1c2c04c7", Sqn: "a298ae8929dc", Amf: "d056", Op: "f967f76038b920a9cd25e10c08b49924", Opc: "76089d3c0ff3efdc6e36721d4fceb747",
            F1: "c3f25cd94309107e", F1Star: "b0c8ba343665afcc", F2: "7e3f44c7591f6f45", F3: "d42b2d615e49a03ac275a5aef97af892", F4: "0b3f8d024fe6bfafaa982b8f82e319c2", F5: "5be11495525d", F5Star: "4d6a34a1e4eb"),
        new(17, K: "6cd1c6ceb1e01e14f1b82316a90b7f3d", Rand: "f69b78f300a0568bce9f0cb93c4be4c9", Sqn: "b4fce5feb059", Amf: "e4bb", Op: "078bfca9564659ecd8851e84e6c59b48", Opc: "a219dc37f1dc7d66738b5843c799f206",
            F1: "69a90869c268cb7b", F1Star: "2e0fdcf9fd1cfa6a", F2: "70f6bdb9ad21525f", F3: "6edaf99e5bd9f85d5f36d91c1272fb4b", F4: "d61c853c280dd9c46f297baec386de17", F5: "1c408a858b3e", F5Star: "aa4ae52daa30"),
        new(18, K: "b73a90cbcf3afb622dba83c58a8415df", Rand: "b120f1c1a0102a2f507dd543de68281f", Sqn: "f1e8a523a36d", Amf: "471b", Op: "b672047e003bb952dca6cb8af0e5b779", Opc: "df0c67868fa25f748b7044c6e7c245b8",
            F1: "ebd70341bcd415b0", F1Star: "12359f5d82220c14", F2: "479dd25c20792d63", F3: "66195dbed0313274c5ca7766615fa25e", F4: "66bec707eb2afc476d7408a8f2927b36", F5: "aefdaa5ddd99", F5Star: "12ec2b87fbb1"),
        new(19, K: "5122250214c33e723a5dd523fc145fc0", Rand: "81e92b6c0ee0e12ebceba8d92a99dfa5", Sqn: "16f3b3f70fc2", Amf: "c3ab", Op: "c9e8763286b5b9ffbdf56e1297d0887b", Opc: "981d464c7c52eb6e5036234984ad0bcf",
            F1: "2a5c23d15ee351d5", F1Star: "62dae3853f3af9d2", F2: "28d7b0f2a2ec3de5", F3: "5349fbe098649f948f5d2e973a81c00f", F4: "9744871ad32bf9bbd1dd5ce54e3e2e5a", F5: "ada15aeb7bb8", F5Star: "d461bc15475d"),
        new(20, K: "90dca4eda45b53cf0f12d7c9c3bc6a89", Rand: "9fddc72092c6ad036b6e464789315b78", Sqn: "20f813bd4141", Amf: "61df", Op: "3ffcfe5b7b1111589920d3528e84e655", Opc: "cb9cccc4b9258e6dca4760379fb82581",
            F1: "09db94eab4f8149e", F1Star: "a29468aa9775b527", F2: "a95100e2760952cd", F3: "b5f2da03883b69f96bf52e029ed9ac45", F4: "b4721368bc16ea67875c5598688bb0ef", F5: "83cfd54db913", F5Star: "4f2039392ddc"),
    ];

    public static TheoryData<int> Numbers => new(All.Select(set => set.Number));

    public static Ts35208TestSet Get(int number) => All[number - 1];
}
