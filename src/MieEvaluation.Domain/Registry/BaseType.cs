namespace MieEvaluation.Domain.Registry;

/// <summary>The three kinds of demonstration base named in the State Council documents.</summary>
public enum BaseType
{
    /// <summary>区域示范基地</summary>
    Regional,

    /// <summary>高校和科研院所示范基地</summary>
    UnivInst,

    /// <summary>企业示范基地</summary>
    Enterprise,
}
