using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Examples;

// One example per file; this only picks one by name, so each file reads on its own.
var examples = new Dictionary<string, Func<Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["what-you-write"] = WhatYouWrite.RunAsync,
    ["progress"] = ProgressExample.RunAsync,
    ["pictures"] = () => { PicturesExample.Run(); return Task.CompletedTask; },
    ["retries-and-timeouts"] = RetriesAndTimeoutsExample.RunAsync,
    ["cancellation"] = CancellationExample.RunAsync,
    ["multi-output"] = MultiOutputExample.RunAsync,
};

if (args.Length != 1 || !examples.TryGetValue(args[0], out Func<Task>? run))
{
    Console.Error.WriteLine($"Usage: Examples NAME, where NAME is one of: {string.Join(", ", examples.Keys)}.");
    return 2;
}

await run();
return 0;
