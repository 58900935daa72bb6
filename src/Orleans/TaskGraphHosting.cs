using System;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Serialization;
using TaskGraph.Execution;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>Sets up silos and clients for TaskGraph computes.</summary>
public static class TaskGraphHosting
{
    /// <summary>
    /// Makes this silo a TaskGraph worker: one worker per silo runs tasks by method id, keeps their results in a
    /// silo-level store, and serves them to other silos; any silo can coordinate a compute.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="assemblies">The assemblies whose <c>[Delayed]</c> methods this silo runs; the entry assembly when none is given.</param>
    /// <returns>The builder.</returns>
    public static ISiloBuilder AddTaskGraphWorkers(this ISiloBuilder builder, params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(assemblies);
        RegisterMethods(assemblies);
        builder.Services.AddSingleton<ResultStore>();
        builder.Services.AddPlacementDirector<WorkerPlacementStrategy, WorkerPlacementDirector>();
        builder.Services.AddSerializer(AddTravel);
        return builder;
    }

    /// <summary>Lets this client submit TaskGraph computes (the serialization the silos use for arguments and results).</summary>
    /// <param name="builder">The client builder.</param>
    /// <returns>The builder.</returns>
    public static IClientBuilder AddTaskGraph(this IClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSerializer(AddTravel);
        return builder;
    }

    /// <summary>
    /// The JSON fallback for plain types, but never for exceptions: Orleans' exception codec carries those with their
    /// type, message and stack, while JSON fails on them (their TargetSite is a MethodBase), and a message that fails
    /// to serialize never arrives.
    /// </summary>
    private static void AddTravel(ISerializerBuilder serializer)
        => serializer.AddJsonSerializer(isSupported: type => !typeof(Exception).IsAssignableFrom(type) && TravelRules.CarriedByJson(type), JsonOptions);

    /// <summary>Doubles travel whole: NaN and the infinities (missing and overflowing values in data) as JSON's named literals.</summary>
    private static readonly JsonSerializerOptions JsonOptions = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static void RegisterMethods(Assembly[] assemblies)
    {
        if (assemblies.Length == 0 && Assembly.GetEntryAssembly() is { } entry)
        {
            DelayedMethods.RegisterAssembly(entry);
        }

        foreach (var assembly in assemblies)
        {
            DelayedMethods.RegisterAssembly(assembly ?? throw new ArgumentException("An assembly is null.", nameof(assemblies)));
        }
    }
}
