"""What the engine benchmarks' Python sides share: timing a workload, and keeping each side's fastest
run per workload (the runs of engine and numpy alternate, so a burst of load hits both alike)."""
import time


def fastest(repeats, inner, body):
    """The fastest of `repeats` timings of `body`, in seconds, each averaged over `inner` calls."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(inner):
            body()
        best = min(best, (time.perf_counter() - start) / inner)
    return best


def fastest_per_workload(runs):
    """The smallest time of each workload over `runs` (dicts of workload → seconds)."""
    return {key: min(run[key] for run in runs) for key in runs[0]}


def engine_and_numpy(arguments):
    """`arguments`: SIZES then the engine's runs then numpy's (JSON), as engine-versus-numpy.sh passes them."""
    import json
    sizes, runs = arguments[0].split(","), [json.loads(r) for r in arguments[1:]]
    half = len(runs) // 2
    return sizes, fastest_per_workload(runs[:half]), fastest_per_workload(runs[half:])
