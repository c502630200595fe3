namespace Benchmarks;

/// <summary>What the comparison run changes against the measured one.</summary>
public enum BaselineKind
{
    None,
    NoGroupCommit,
    SynchronousNormal,
    Sequential,
}
