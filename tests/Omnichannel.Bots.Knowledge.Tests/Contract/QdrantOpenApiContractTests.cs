using System.Text.Json.Nodes;
using Omnichannel.Bots.Knowledge.StoreConformance;

namespace Omnichannel.Bots.Knowledge.Tests.Contract;

/// <summary>
/// The validator of Qdrant's OpenAPI contract: example bodies from Qdrant's documentation pass, broken ones (a wrong type,
/// a misspelled key) fail naming the field.
/// </summary>
public sealed class QdrantOpenApiContractTests
{
    // Qdrant docs, "Hybrid and Multi-Stage Queries" § "Hybrid Search" (qdrant.tech/documentation/concepts/hybrid-queries):
    // a sparse and a dense prefetch fused by RRF.
    private const string HybridQuery = """
        {
          "prefetch": [
            { "query": { "indices": [1, 42], "values": [0.22, 0.8] }, "using": "sparse", "limit": 20 },
            { "query": [0.01, 0.45, 0.67], "using": "dense", "limit": 20 }
          ],
          "query": { "fusion": "rrf" },
          "filter": { "must": [ { "key": "locale", "match": { "any": ["en", "en-US"] } } ] },
          "limit": 10,
          "with_payload": true
        }
        """;

    private static QdrantOpenApiContract Contract => QdrantOpenApiContract.Default;

    [Fact]
    public void ValidateRequest_HybridQueryWithPrefetchAndRrf_Passes()
    {
        Contract.ValidateRequest("POST", "/collections/knowledge/points/query", HybridQuery);
    }

    [Fact]
    public void ValidateRequest_UnknownFusionValue_FailsNamingTheField()
    {
        var body = JsonNode.Parse(HybridQuery)!;
        body["query"]!["fusion"] = "borda";

        var error = Assert.Throws<QdrantContractException>(() => Contract.ValidateRequest("POST", "/collections/knowledge/points/query", body.ToJsonString()));

        Assert.Contains("query.fusion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRequest_LimitOfWrongType_FailsNamingTheField()
    {
        var body = JsonNode.Parse(HybridQuery)!;
        body["limit"] = "ten";

        var error = Assert.Throws<QdrantContractException>(() => Contract.ValidateRequest("POST", "/collections/knowledge/points/query", body.ToJsonString()));

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Errors, e => e.StartsWith("limit:", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateRequest_PrefetchLimitOfWrongType_FailsNamingTheNestedField()
    {
        var body = JsonNode.Parse(HybridQuery)!;
        body["prefetch"]![1]!["limit"] = "twenty";

        var error = Assert.Throws<QdrantContractException>(() => Contract.ValidateRequest("POST", "/collections/knowledge/points/query", body.ToJsonString()));

        Assert.Contains("prefetch", error.Message, StringComparison.Ordinal);
        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/collections/knowledge/points/serch")]
    [InlineData("POST", "/collections/knowledge/points/query/extra")]
    [InlineData("PATCH", "/collections/knowledge/points/query")]
    [InlineData("DELETE", "/collections/knowledge/points/query")]
    [InlineData("POST", "/collection/knowledge/points/query")]
    public void ValidateRequest_PathOrMethodNotInSpec_Fails(string method, string path)
    {
        var error = Assert.Throws<QdrantContractException>(() => Contract.ValidateRequest(method, path, HybridQuery));

        Assert.Contains("no such operation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRequest_UndeclaredQueryParameter_Fails()
    {
        var error = Assert.Throws<QdrantContractException>(() => Contract.ValidateRequest("POST", "/collections/knowledge/points/query?wiat=true", HybridQuery));

        Assert.Contains("wiat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRequest_UpsertWithWaitAndNamedVectors_Passes()
    {
        // Qdrant docs, "Points" § "Upload points" with named vectors and a sparse vector ("Vectors" § "Sparse Vectors").
        const string body = """
            {
              "points": [
                {
                  "id": "5c56c793-69f3-4fbf-87e6-c4bf54c28c26",
                  "vector": { "dense": [0.05, 0.61, 0.76, 0.74], "sparse": { "indices": [6, 7], "values": [1.0, 2.0] } },
                  "payload": { "locale": "en", "article_id": "returns", "tags": ["billing"], "channels": [] }
                }
              ]
            }
            """;

        Contract.ValidateRequest("PUT", "/collections/knowledge/points?wait=true", body);
    }

    [Fact]
    public void ValidateRequest_CreateCollectionWithNamedDenseAndSparseIdf_Passes()
    {
        // Qdrant docs, "Collections" § "Collection with multiple vectors" and "Vectors" § "Sparse Vectors" / IDF modifier:
        // a named dense vector plus a sparse vector with "modifier": "idf".
        const string body = """
            {
              "vectors": { "dense": { "size": 4, "distance": "Cosine" } },
              "sparse_vectors": { "sparse": { "modifier": "idf" } }
            }
            """;

        Contract.ValidateRequest("PUT", "/collections/knowledge", body);
    }

    [Fact]
    public void ValidateRequest_CreateCollectionWithUnknownDistance_FailsNamingTheField()
    {
        const string body = """{ "vectors": { "dense": { "size": 4, "distance": "Cosinus" } } }""";

        var error = Assert.Throws<QdrantContractException>(() => Contract.ValidateRequest("PUT", "/collections/knowledge", body));

        Assert.Contains("vectors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRequest_AliasSwitchActions_Passes()
    {
        // Qdrant docs, "Collections" § "Collection aliases" / "Switch collection": delete and create in one atomic call.
        const string body = """
            {
              "actions": [
                { "delete_alias": { "alias_name": "production_collection" } },
                { "create_alias": { "collection_name": "example_collection", "alias_name": "production_collection" } }
              ]
            }
            """;

        Contract.ValidateRequest("POST", "/collections/aliases", body);
    }

    [Fact]
    public void ValidateRequest_AliasActionsMissing_FailsNamingTheField()
    {
        var error = Assert.Throws<QdrantContractException>(() => Contract.ValidateRequest("POST", "/collections/aliases", "{}"));

        Assert.Contains("actions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRequest_BodyMissingOrMalformed_Fails()
    {
        Assert.Throws<QdrantContractException>(() => Contract.ValidateRequest("POST", "/collections/aliases", null));
        Assert.Throws<QdrantContractException>(() => Contract.ValidateRequest("POST", "/collections/aliases", "{\"actions\": ["));
    }

    [Fact]
    public void ValidateRequest_PayloadIndex_Passes()
    {
        // Qdrant docs, "Indexing" § "Payload index": a keyword index on one field.
        Contract.ValidateRequest("PUT", "/collections/knowledge/index?wait=true", """{ "field_name": "locale", "field_schema": "keyword" }""");
    }

    [Theory]
    [InlineData("POST", "/collections/{collection_name}/points/query", QdrantDocumentedExamples.QueryPoints)]
    [InlineData("PUT", "/collections/{collection_name}", QdrantDocumentedExamples.CreateCollection)]
    [InlineData("GET", "/collections/{collection_name}", QdrantDocumentedExamples.CollectionInfo)]
    [InlineData("POST", "/collections/aliases", QdrantDocumentedExamples.CreateCollection)]
    [InlineData("PUT", "/collections/{collection_name}/points", QdrantDocumentedExamples.UpsertPoints)]
    [InlineData("POST", "/collections/{collection_name}/points/scroll", QdrantDocumentedExamples.ScrollPoints)]
    [InlineData("POST", "/collections/{collection_name}/points/delete", QdrantDocumentedExamples.UpsertPoints)]
    [InlineData("PUT", "/collections/{collection_name}/index", QdrantDocumentedExamples.UpsertPoints)]
    [InlineData("GET", "/aliases", QdrantDocumentedExamples.GetAliases)]
    [InlineData("DELETE", "/collections/{collection_name}", QdrantDocumentedExamples.CreateCollection)]
    public void ValidateResponse_QdrantDocumentedExample_Passes(string method, string template, string example)
    {
        // Response bodies as Qdrant documents them (tests/data/README.md names each source); the same result schema
        // serves several operations (a bool for collection and alias changes, UpdateResult for point and index writes).
        Contract.ValidateResponse(method, template, 200, QdrantDocumentedExamples.Read(example));
    }

    [Fact]
    public void ValidateResponse_DocumentationSearchResultArrayForQuery_FailsOnResult()
    {
        // The documentation's "Example result of this API" (Search § "Search API") is the older /points/search shape:
        // result is an array, where v1.19's QueryResponse is an object with points.
        var error = Assert.Throws<QdrantContractException>(() => Contract.ValidateResponse(
            "POST", "/collections/{collection_name}/points/query", 200, QdrantDocumentedExamples.Read(QdrantDocumentedExamples.SearchResultArray)));

        Assert.Contains(error.Errors, e => e.StartsWith("result", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "query": [0.1, 0.2], "limit": 3, "with_payloads": true }""", "with_payloads", "QueryRequest")]
    [InlineData("""{ "query": [0.1, 0.2], "limt": 3 }""", "limt", "QueryRequest")]
    [InlineData("""{ "prefetch": [ { "query": [0.1, 0.2], "usng": "dense", "limit": 20 } ], "query": { "fusion": "rrf" }, "limit": 3 }""", "usng", "Prefetch")]
    [InlineData("""{ "query": { "fusion": "rrf", "weight": 2 }, "limit": 3 }""", "weight", "")]
    public void ValidateRequest_UndeclaredPropertyInQuery_FailsNamingPathAndSchema(string body, string property, string schema)
    {
        var error = Assert.Throws<QdrantContractException>(() => Contract.ValidateRequest("POST", "/collections/knowledge/points/query", body));

        Assert.Contains(property, error.Message, StringComparison.Ordinal);
        Assert.Contains("NoAdditionalPropertiesAllowed", error.Message, StringComparison.Ordinal);
        Assert.Contains(schema, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRequest_MisspelledKeyAtTheTop_ErrorStartsWithItsPathAndNamesTheSchema()
    {
        var error = Assert.Throws<QdrantContractException>(() => Contract.ValidateRequest(
            "POST", "/collections/knowledge/points/query", """{ "limit": 3, "with_payloads": true }"""));

        var line = Assert.Single(error.Errors);
        Assert.StartsWith("with_payloads: NoAdditionalPropertiesAllowed", line, StringComparison.Ordinal);
        Assert.Contains("schema QueryRequest", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "/collections/knowledge", """{ "vectors": { "dense": { "size": 4, "distance": "Cosine" } }, "sparse_vectors": { "lexical": { "modifer": "idf" } } }""", "modifer")]
    [InlineData("PUT", "/collections/knowledge/points", """{ "points": [ { "id": 1, "vector": [0.1], "payloads": { "a": 1 } } ] }""", "payloads")]
    [InlineData("PUT", "/collections/knowledge/index", """{ "field_name": "locale", "field_schema": "keyword", "feild_type": "x" }""", "feild_type")]
    [InlineData("POST", "/collections/aliases", """{ "actions": [ { "create_alias": { "collection_name": "a", "alias_name": "b", "alias": "c" } } ] }""", "alias")]
    [InlineData("POST", "/collections/knowledge/points/scroll", """{ "limit": 10, "with_vectors": false }""", "with_vectors")]
    public void ValidateRequest_UndeclaredPropertyInOtherOperations_Fails(string method, string path, string body, string property)
    {
        var error = Assert.Throws<QdrantContractException>(() => Contract.ValidateRequest(method, path, body));

        Assert.Contains(property, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRequest_MapSchemas_AcceptAnyKeys()
    {
        // Payload (additionalProperties: true) and named vectors (a map of vector name → vector) stay open.
        Contract.ValidateRequest("PUT", "/collections/knowledge/points", """
            { "points": [ { "id": 1, "vector": { "any-name": [0.1, 0.2], "other": { "indices": [1], "values": [0.5] } }, "payload": { "whatever": { "nested": [1, "x"] } } } ] }
            """);
    }

    [Fact]
    public void ValidateRequest_NullForAnOptionalField_Passes()
    {
        // Qdrant writes "or null" as an anyOf branch {"nullable": true}; null must pass, a wrong type must not.
        Contract.ValidateRequest("POST", "collections/knowledge/points/query", """{ "prefetch": null, "query": null, "filter": null, "limit": 3 }""");
    }

    [Fact]
    public void ValidateRequest_FilterConditionOfWrongShape_FailsNamingTheField()
    {
        var error = Assert.Throws<QdrantContractException>(() => Contract.ValidateRequest(
            "POST", "/collections/knowledge/points/query", """{ "filter": { "must": [ { "key": "locale", "match": { "value": ["en"] } } ] }, "limit": 3 }"""));

        Assert.Contains("filter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindTemplate_ConcretePath_GivesTheSpecTemplate()
    {
        Assert.Equal("/collections/{collection_name}/points/query", Contract.FindTemplate("POST", "collections/knowledge/points/query?timeout=5"));
        Assert.Equal("/collections/{collection_name}/points/{id}", Contract.FindTemplate("GET", "/collections/knowledge/points/query"));
        Assert.Null(Contract.FindTemplate("POST", "/collections/knowledge/points/serch"));
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), QdrantOpenApiContract.SpecFileName);

        var error = Assert.Throws<FileNotFoundException>(() => QdrantOpenApiContract.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
