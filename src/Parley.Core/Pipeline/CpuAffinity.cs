using System.Runtime.InteropServices;

namespace Parley.Pipeline;

/// <summary>
/// The CPUs a thread may run on, on Linux (sched_getaffinity / sched_setaffinity on the calling thread); elsewhere
/// nothing is known and nothing is changed.
/// </summary>
/// <remarks>
/// Why a runner pins its workers: the pipeline's per-thread tables (spellings, word facts) live in the core's own
/// cache. With a consumer thread beside two workers on two cores, the scheduler moves workers between cores, and
/// each move starts that worker on a cold cache (measured in the benchmark, whose consumer only waits: 2-thread
/// speed-ups of 1.42–1.81 unpinned, 1.72–1.83 pinned, in alternated runs). Where the consumer is busy itself
/// (`parley extract` reading and writing JSON), pinning loses: the consumer then takes turns with a pinned worker
/// on its core while the other core may idle (end to end 3 % slower), so the CLI leaves its workers floating.
/// </remarks>
public static class CpuAffinity
{
    private const int MaskWords = 16; // 1,024 CPUs

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_getaffinity(int pid, nint size, [Out] ulong[] mask);

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_setaffinity(int pid, nint size, ulong[] mask);

    /// <summary>The CPUs the calling thread may run on, in increasing order; null where that is not known.</summary>
    public static int[]? OfCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var mask = new ulong[MaskWords];
        try
        {
            if (sched_getaffinity(0, MaskWords * sizeof(ulong), mask) != 0)
                return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        var cpus = new List<int>();
        for (int w = 0; w < MaskWords; w++)
            for (int b = 0; b < 64; b++)
                if ((mask[w] & (1UL << b)) != 0)
                    cpus.Add(w * 64 + b);
        return [.. cpus];
    }

    /// <summary>Binds the calling thread to one CPU; false where that cannot be done (then nothing changed).</summary>
    public static bool PinCurrentThread(int cpu)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cpu);
        if (!OperatingSystem.IsLinux() || cpu >= MaskWords * 64)
            return false;
        var mask = new ulong[MaskWords];
        mask[cpu / 64] = 1UL << (cpu % 64);
        try
        {
            return sched_setaffinity(0, MaskWords * sizeof(ulong), mask) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
