// Every catalog file states claims with the engine's model and draws inputs with its generators.
global using Verification.Engine;
global using Verification.Engine.Generators;
