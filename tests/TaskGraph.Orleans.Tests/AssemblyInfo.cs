using Xunit;

// The graphs' methods count runs and wait at one gate in static fields (ClusterGraphs), which the clusters of
// every collection share: collections run one after another so no test sees another's tasks.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
