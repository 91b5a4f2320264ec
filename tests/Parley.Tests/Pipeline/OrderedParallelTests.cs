using System.Collections.Concurrent;
using Parley.Pipeline;
using Xunit;

namespace Parley.Tests.Pipeline;

public class OrderedParallelTests
{
    [Fact]
    public void Results_come_in_input_order_even_when_later_items_finish_first()
    {
        using var workers = new OrderedParallel(3);
        // Item i sleeps longer the smaller i is within each group of four, so completion order differs from input order.
        var results = workers.Map(Enumerable.Range(0, 60), i =>
        {
            Thread.Sleep(3 - i % 4);
            return i * 10;
        }).ToList();
        Assert.Equal(Enumerable.Range(0, 60).Select(i => i * 10), results);
    }

    [Fact]
    public void The_work_runs_on_the_runner_s_own_threads_and_the_same_ones_from_one_map_to_the_next()
    {
        using var workers = new OrderedParallel(2);
        int caller = Environment.CurrentManagedThreadId;
        var first = new ConcurrentDictionary<int, bool>();
        var second = new ConcurrentDictionary<int, bool>();
        foreach (var _ in workers.Map(Enumerable.Range(0, 200), i => { first[Environment.CurrentManagedThreadId] = true; Thread.SpinWait(2000); return i; }))
        {
        }
        foreach (var _ in workers.Map(Enumerable.Range(0, 200), i => { second[Environment.CurrentManagedThreadId] = true; Thread.SpinWait(2000); return i; }))
        {
        }
        var all = first.Keys.Concat(second.Keys).Distinct().ToList();
        Assert.DoesNotContain(caller, all);
        Assert.InRange(all.Count, 1, 2); // pool threads would be whichever were free: six of them in a benchmark run
    }

    [Fact]
    public void Pinned_workers_each_run_on_one_cpu_of_their_own_taken_from_the_allowed_ones()
    {
        var allowed = CpuAffinity.OfCurrentThread();
        using var workers = new OrderedParallel(2, pinWorkers: true);
        var seen = workers.Map(Enumerable.Range(0, 100), _ => string.Join(',', CpuAffinity.OfCurrentThread() ?? [])).Distinct().ToList();
        if (allowed is null || allowed.Length < 2)
        {
            // Off Linux, or fewer CPUs than workers: nothing is bound, the workers keep the caller's CPUs.
            Assert.Empty(workers.PinnedCpus);
            Assert.Equal([string.Join(',', allowed ?? [])], seen);
            return;
        }
        Assert.Equal(allowed[..2], workers.PinnedCpus);
        Assert.All(seen, cpus => Assert.Contains(int.Parse(cpus), workers.PinnedCpus)); // one CPU each, a pinned one
        Assert.Equal(allowed, CpuAffinity.OfCurrentThread()); // the consuming thread is left as it was
    }

    [Fact]
    public void Unpinned_workers_keep_every_cpu_of_the_caller()
    {
        var allowed = CpuAffinity.OfCurrentThread();
        using var workers = new OrderedParallel(2);
        Assert.Empty(workers.PinnedCpus);
        var seen = workers.Map(Enumerable.Range(0, 20), _ => string.Join(',', CpuAffinity.OfCurrentThread() ?? [])).Distinct().ToList();
        Assert.Equal([string.Join(',', allowed ?? [])], seen);
    }

    [Fact]
    public void One_thread_runs_the_work_on_the_calling_thread()
    {
        using var workers = new OrderedParallel(1);
        int caller = Environment.CurrentManagedThreadId;
        Assert.All(workers.Map(Enumerable.Range(0, 5), _ => Environment.CurrentManagedThreadId), id => Assert.Equal(caller, id));
    }

    [Fact]
    public void The_source_is_read_at_most_a_window_ahead_of_the_consumer()
    {
        using var workers = new OrderedParallel(2);
        int read = 0;
        IEnumerable<int> Source()
        {
            for (int i = 0; i < 500; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }
        int consumed = 0, mostAhead = 0;
        foreach (var _ in workers.Map(Source(), i => i, window: 6))
        {
            consumed++;
            mostAhead = Math.Max(mostAhead, Volatile.Read(ref read) - consumed);
            Thread.Sleep(consumed % 50 == 0 ? 5 : 0); // a slow consumer: the workers would run ahead if nothing held them
        }
        Assert.Equal(500, consumed);
        Assert.InRange(mostAhead, 1, 6);
    }

    [Fact]
    public void A_failing_item_throws_at_its_place_and_no_work_outlives_the_enumeration()
    {
        using var workers = new OrderedParallel(2);
        int running = 0;
        var seen = new List<int>();
        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var r in workers.Map(Enumerable.Range(0, 100), i =>
            {
                Interlocked.Increment(ref running);
                try
                {
                    Thread.Sleep(1);
                    return i == 7 ? throw new InvalidOperationException("item 7") : i;
                }
                finally
                {
                    Interlocked.Decrement(ref running);
                }
            }))
                seen.Add(r);
        });
        Assert.Equal("item 7", e.Message);
        Assert.Equal(Enumerable.Range(0, 7), seen);
        Assert.Equal(0, Volatile.Read(ref running));
    }

    [Fact]
    public void Stopping_early_reads_no_more_of_the_source_and_leaves_nothing_running()
    {
        using var workers = new OrderedParallel(2);
        int read = 0, running = 0;
        IEnumerable<int> Source()
        {
            for (int i = 0; i < 10_000; i++)
            {
                read++;
                yield return i;
            }
        }
        foreach (var r in workers.Map(Source(), i =>
        {
            Interlocked.Increment(ref running);
            Thread.Sleep(1);
            Interlocked.Decrement(ref running);
            return i;
        }))
        {
            if (r == 3)
                break;
        }
        Assert.Equal(0, Volatile.Read(ref running));
        Assert.InRange(read, 4, 4 + 2 * OrderedParallel.WindowPerThread);
    }

    [Fact]
    public void A_disposed_runner_refuses_new_work()
    {
        var workers = new OrderedParallel(2);
        workers.Dispose();
        Assert.Throws<ObjectDisposedException>(() => workers.Map(new[] { 1 }, i => i));
    }
}
