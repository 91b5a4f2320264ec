using System.Collections.Concurrent;

namespace Parley.Pipeline;

/// <summary>
/// Worker threads for a streaming map whose results come out in input order: how a run of the pipeline uses
/// every core without holding the corpus in memory or reordering its output.
/// </summary>
/// <remarks>
/// <para>The source is read on the consuming thread; at most <c>window</c> items are in flight, so memory stays
/// flat however long the stream and however slow the consumer (a store). Nothing waits for a batch to finish: a
/// worker done with one item takes the next while the consumer waits only for the oldest.</para>
/// <para>The workers are threads of their own, kept for the runner's lifetime, not pool threads: the pipeline keeps
/// per-thread tables (spellings, word facts, buffers) that a thread fills once and then reuses for every document,
/// and the pool hands work to whichever of its threads is free — six different ones in a two-core benchmark run,
/// each starting with cold tables. The work must be safe to run concurrently (the pipeline is); an exception it
/// throws comes out of the enumeration at that item's place.</para>
/// </remarks>
public sealed class OrderedParallel : IDisposable
{
    /// <summary>Items in flight per thread by default: enough to ride over one slow item, few enough to stay small.</summary>
    public const int WindowPerThread = 8;

    private readonly WorkerScheduler? _scheduler;

    /// <param name="threads">Worker threads (0: one per core; 1: the work runs on the consuming thread, no thread is started).</param>
    /// <param name="pinWorkers">
    /// Bind each worker to a CPU of its own, taken from the CPUs the constructing thread may run on (Linux only), so
    /// that a worker's per-thread tables stay in one core's cache. Done only when there are at least as many such CPUs
    /// as workers; otherwise, and off Linux, the workers float as usual (<see cref="PinnedCpus"/> is then empty).
    /// </param>
    public OrderedParallel(int threads = 0, bool pinWorkers = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        Threads = threads == 0 ? Environment.ProcessorCount : threads;
        if (Threads > 1)
        {
            int[] cpus = [];
            if (pinWorkers && CpuAffinity.OfCurrentThread() is { } allowed && allowed.Length >= Threads)
                cpus = allowed[..Threads];
            _scheduler = new WorkerScheduler(Threads, cpus);
        }
    }

    /// <summary>Threads the work runs on.</summary>
    public int Threads { get; }

    /// <summary>The CPU each worker was bound to, in worker order (-1 for one the system refused): empty when the workers are not pinned.</summary>
    public IReadOnlyList<int> PinnedCpus => _scheduler?.Pinned ?? [];

    /// <summary><paramref name="work"/> applied to every item of <paramref name="source"/> on the workers, yielded in input order.</summary>
    /// <param name="window">Most items read ahead of the consumer (default <see cref="WindowPerThread"/> per thread).</param>
    public IEnumerable<TOut> Map<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> work, int window = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _scheduler is null ? Sequential(source, work) : Parallel(source, work, window > 0 ? window : Threads * WindowPerThread);
    }

    private static IEnumerable<TOut> Sequential<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> work)
    {
        foreach (var item in source)
            yield return work(item);
    }

    private IEnumerable<TOut> Parallel<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> work, int window)
    {
        using var stop = new CancellationTokenSource();
        var pending = new Queue<Task<TOut>>(window);
        try
        {
            foreach (var item in source)
            {
                var input = item;
                pending.Enqueue(Task.Factory.StartNew(() => work(input), stop.Token, TaskCreationOptions.None, _scheduler!));
                if (pending.Count >= window)
                    yield return pending.Dequeue().GetAwaiter().GetResult();
            }
            while (pending.Count > 0)
                yield return pending.Dequeue().GetAwaiter().GetResult();
        }
        finally
        {
            // Left early (the consumer stopped or an item failed): what has not started never will, and what runs
            // is waited for, so no work outlives the enumeration.
            if (pending.Count > 0)
            {
                stop.Cancel();
                try
                {
                    Task.WaitAll([.. pending]);
                }
                catch (AggregateException)
                {
                    // cancelled or failed: either way it has stopped, and its consumer is gone
                }
            }
        }
    }

    private bool _disposed;

    /// <summary>Lets the workers finish what is queued and ends their threads.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _scheduler?.Dispose();
    }

    /// <summary>Runs tasks on a fixed set of threads of its own, first queued first run, never inline on a waiting thread.</summary>
    private sealed class WorkerScheduler : TaskScheduler, IDisposable
    {
        private readonly BlockingCollection<Task> _queue = [];
        private readonly Thread[] _threads;
        private readonly int[] _pinned;
        private readonly CountdownEvent _started;

        public WorkerScheduler(int threads, int[] cpus)
        {
            _threads = new Thread[threads];
            _pinned = new int[cpus.Length];
            _started = new CountdownEvent(threads);
            for (int i = 0; i < threads; i++)
            {
                int cpu = i < cpus.Length ? cpus[i] : -1, slot = i;
                _threads[i] = new Thread(() => Work(slot, cpu)) { IsBackground = true, Name = $"parley worker {i + 1}" };
                _threads[i].Start();
            }
            // Every worker has tried its binding before work is queued: Pinned then says what holds.
            _started.Wait();
        }

        /// <summary>The CPU of each worker (-1: binding it failed), or empty.</summary>
        public int[] Pinned => _pinned;

        private void Work(int slot, int cpu)
        {
            if (cpu >= 0)
                _pinned[slot] = CpuAffinity.PinCurrentThread(cpu) ? cpu : -1;
            _started.Signal();
            foreach (var task in _queue.GetConsumingEnumerable())
                TryExecuteTask(task);
        }

        public override int MaximumConcurrencyLevel => _threads.Length;

        protected override void QueueTask(Task task) => _queue.Add(task);

        // The waiting consumer must not run an item itself: the work would then run on more threads than asked for.
        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

        protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

        public void Dispose()
        {
            _queue.CompleteAdding();
            foreach (var t in _threads)
                t.Join();
            _queue.Dispose();
            _started.Dispose();
        }
    }
}
