using Omnichannel.Bots.Knowledge.StoreConformance;

namespace Omnichannel.Bots.Knowledge.Tests.Contract;

/// <summary>
/// How request schemas are closed where Qdrant's v1.19 file has no instance to test it on: <c>allOf</c> combining object
/// schemas, and maps. A small OpenAPI document written for the test, loaded by the same validator.
/// </summary>
public sealed class QdrantOpenApiContractAllOfTests : IDisposable
{
    private const string Spec = """
        {
          "openapi": "3.0.1",
          "paths": {
            "/both": { "put": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Both" } } } }, "responses": {} } },
            "/extended": { "put": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Extended" } } } }, "responses": {} } },
            "/wrapped": { "put": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Wrapped" } } } }, "responses": {} } },
            "/map": { "put": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Map" } } } }, "responses": {} } },
            "/either": { "put": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Either" } } } }, "responses": {} } }
          },
          "components": {
            "schemas": {
              "A": { "type": "object", "properties": { "a": { "type": "integer" } } },
              "B": { "type": "object", "properties": { "b": { "type": "integer" } } },
              "Both": { "allOf": [ { "$ref": "#/components/schemas/A" }, { "$ref": "#/components/schemas/B" } ] },
              "Extended": { "type": "object", "properties": { "c": { "type": "integer" } }, "allOf": [ { "$ref": "#/components/schemas/A" } ] },
              "Wrapped": { "type": "object", "properties": { "inner": { "description": "a described reference", "allOf": [ { "$ref": "#/components/schemas/A" } ] } } },
              "Map": { "type": "object", "properties": { "known": { "type": "integer" } }, "additionalProperties": { "type": "integer" } },
              "Either": { "anyOf": [ { "$ref": "#/components/schemas/A" }, { "$ref": "#/components/schemas/B" } ] }
            }
          }
        }
        """;

    private readonly string _path = Path.Combine(Path.GetTempPath(), "omnibot-allof-" + Guid.NewGuid().ToString("N") + ".json");
    private readonly QdrantOpenApiContract _contract;

    public QdrantOpenApiContractAllOfTests()
    {
        File.WriteAllText(_path, Spec);
        _contract = QdrantOpenApiContract.Load(_path);
    }

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void ValidateRequest_AllOfTwoBranches_PropertiesOfEitherBranchPass()
    {
        _contract.ValidateRequest("PUT", "/both", """{ "a": 1, "b": 2 }""");
    }

    [Fact]
    public void ValidateRequest_AllOfTwoBranches_UndeclaredPropertyFails()
    {
        var error = Assert.Throws<QdrantContractException>(() => _contract.ValidateRequest("PUT", "/both", """{ "a": 1, "b": 2, "z": 3 }"""));

        var line = Assert.Single(error.Errors);
        Assert.StartsWith("z: NoAdditionalPropertiesAllowed", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRequest_AllOfBranchStillChecksItsOwnValues()
    {
        var error = Assert.Throws<QdrantContractException>(() => _contract.ValidateRequest("PUT", "/both", """{ "a": "one" }"""));

        Assert.Contains("a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRequest_OwnPropertiesPlusAllOf_BothCountAndOthersFail()
    {
        _contract.ValidateRequest("PUT", "/extended", """{ "a": 1, "c": 2 }""");

        Assert.Throws<QdrantContractException>(() => _contract.ValidateRequest("PUT", "/extended", """{ "a": 1, "c": 2, "d": 3 }"""));
    }

    [Fact]
    public void ValidateRequest_DescribedReferenceWrapper_ReferencedSchemaStaysClosed()
    {
        _contract.ValidateRequest("PUT", "/wrapped", """{ "inner": { "a": 1 } }""");

        var error = Assert.Throws<QdrantContractException>(() => _contract.ValidateRequest("PUT", "/wrapped", """{ "inner": { "a": 1, "x": 2 } }"""));

        Assert.Contains("x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRequest_MapWithDeclaredKey_AcceptsOtherKeysOfItsValueType()
    {
        _contract.ValidateRequest("PUT", "/map", """{ "known": 1, "anything": 2 }""");

        Assert.Throws<QdrantContractException>(() => _contract.ValidateRequest("PUT", "/map", """{ "anything": "text" }"""));
    }

    [Fact]
    public void ValidateRequest_AnyOfBranchesClosed_MatchesOnlyAClosedValidBranch()
    {
        _contract.ValidateRequest("PUT", "/either", """{ "a": 1 }""");
        _contract.ValidateRequest("PUT", "/either", """{ "b": 1 }""");

        // Valid for A and for B if they were open; closed, neither branch takes both.
        Assert.Throws<QdrantContractException>(() => _contract.ValidateRequest("PUT", "/either", """{ "a": 1, "b": 2 }"""));
    }
}
