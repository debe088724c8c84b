namespace KpuTriage.Tests.Blobs;

/// <summary>Specs that count what the process allocates: they run after the others, with nothing beside them.</summary>
[CollectionDefinition(BlobMemorySpecs.Name, DisableParallelization = true)]
public sealed class AloneCollection;
