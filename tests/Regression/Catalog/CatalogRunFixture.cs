using Verification.Claims.Catalog;
using Verification.Engine;
using Verification.Engine.Reporting;
using Verification.Claims.Reporting;
using Xunit;

namespace Verification.Tests.Regression.Catalog;

/// <summary>
/// One run of the whole catalog with the seed and budget of docs/claims.md (<see cref="CatalogDocument"/>), shared by
/// the snapshot test and the docs staleness test so the catalog is checked once per test session.
/// </summary>
public sealed class CatalogRunFixture
{
    /// <summary>The run.</summary>
    public CatalogReport Report { get; } = CatalogDocument.Run(ClaimCatalog.All);
}

/// <summary>The tests that read <see cref="CatalogRunFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class CatalogRunCollection : ICollectionFixture<CatalogRunFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "catalog run";
}
