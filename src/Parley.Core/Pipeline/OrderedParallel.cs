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
    public OrderedParallel(int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        Threads = threads == 0 ? Environment.ProcessorCount : threads;
        if (Threads > 1)
            _scheduler = new WorkerScheduler(Threads);
    }

    /// <summary>Threads the work runs on.</summary>
    public int Threads { get; }

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

        public WorkerScheduler(int threads)
        {
            _threads = new Thread[threads];
            for (int i = 0; i < threads; i++)
            {
                _threads[i] = new Thread(Work) { IsBackground = true, Name = $"parley worker {i + 1}" };
                _threads[i].Start();
            }
        }

        private void Work()
        {
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
        }
    }
}
