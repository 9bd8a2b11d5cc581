package agora.market.run;

import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The page codecs of the Parquet output: ZSTD in pure Java (aircompressor, which parquet-java
 * itself depends on). parquet-java's own codec factory goes through Hadoop's codec classes, which
 * the command line does not carry; this one needs neither Hadoop nor native libraries.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    /** The codec the outputs are written with. */
    static final CompressionCodecName CODEC = CompressionCodecName.ZSTD;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        if (codec != CODEC) {
            throw new IllegalArgumentException("Agora writes Parquet pages with " + CODEC
                    + ", not " + codec);
        }
        return new BytesInputCompressor() {
            private final ZstdCompressor zstd = new ZstdCompressor();

            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                byte[] input = bytes.toByteArray();
                byte[] output = new byte[zstd.maxCompressedLength(input.length)];
                int length = zstd.compress(input, 0, input.length, output, 0, output.length);
                return BytesInput.from(output, 0, length);
            }

            @Override
            public CompressionCodecName getCodecName() {
                return CODEC;
            }

            @Override
            public void release() {
                // holds nothing
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        if (codec != CODEC && codec != CompressionCodecName.UNCOMPRESSED) {
            throw new IllegalArgumentException("cannot read Parquet pages in " + codec);
        }
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int size) throws IOException {
                if (codec == CompressionCodecName.UNCOMPRESSED) {
                    return bytes;
                }
                byte[] input = bytes.toByteArray();
                byte[] output = new byte[size];
                new ZstdDecompressor().decompress(input, 0, input.length, output, 0, size);
                return BytesInput.from(output);
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output,
                                   int size) throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(decompress(BytesInput.from(in), size).toByteArray());
            }

            @Override
            public void release() {
                // holds nothing
            }
        };
    }

    @Override
    public void release() {
        // holds nothing
    }
}
