using System.Runtime.CompilerServices;

// The tensor optimizers check their arguments with this layer's one guard (TorchArguments) instead of a copy of it.
[assembly: InternalsVisibleTo("Verification.Optimizers.Torch")]
