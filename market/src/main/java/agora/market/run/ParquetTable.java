package agora.market.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * One output table as an Apache Parquet file ({@code --format parquet}): the same columns as the
 * CSV file, typed (strings, 64-bit integers, doubles, and times as local timestamps in
 * microseconds), numbers rounded to the same significant digits as the CSV's, pages compressed
 * with ZSTD. The file's key-value metadata {@value #FIELDS_KEY} holds each column's type, unit
 * and meaning (as {@code datapackage.json} does), so the file describes itself on its own.
 */
final class ParquetTable implements TableWriter {
    /** The file metadata key of the columns' descriptions (a JSON array). */
    static final String FIELDS_KEY = "agora.fields";
    /** Rows buffered in memory before a row group is written; bounds the memory a run needs. */
    private static final long ROW_GROUP_BYTES = 32L << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ParquetWriter<Object[]> writer;
    private final PlainDecimal numbers;
    private final Object[] row;
    private int column;

    /** Takes over {@code stream} (closed with this file). */
    ParquetTable(OutputStream stream, OutputTables.Table table, PlainDecimal numbers,
                 String currency) throws IOException {
        this.numbers = numbers;
        this.row = new Object[table.fields().size()];
        MessageType schema = schema(table);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FIELDS_KEY, fields(table, currency));
        metadata.put("agora.description", table.description());
        this.writer = new Builder(new StreamFile(stream), new RowWriter(schema, metadata))
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetCodecs())
                .withCompressionCodec(ParquetCodecs.CODEC)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .build();
    }

    /** The Parquet schema of {@code table}: every column optional (empty fields are nulls). */
    static MessageType schema(OutputTables.Table table) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (OutputTables.Field f : table.fields()) {
            switch (f.type()) {
                case "string" -> message.optional(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType()).named(f.name());
                case "integer" -> message.optional(PrimitiveTypeName.INT64).named(f.name());
                case "number" -> message.optional(PrimitiveTypeName.DOUBLE).named(f.name());
                case "datetime" -> message.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(false,
                                LogicalTypeAnnotation.TimeUnit.MICROS)).named(f.name());
                default -> throw new IllegalArgumentException("no Parquet type for " + f.type());
            }
        }
        return message.named(table.name());
    }

    private static String fields(OutputTables.Table table, String currency) {
        ArrayNode fields = MAPPER.createArrayNode();
        for (OutputTables.Field f : table.fields()) {
            ObjectNode field = fields.addObject().put("name", f.name()).put("type", f.type());
            if (f.unit() != null) {
                field.put("unit", f.unit().replace(OutputTables.MONEY, currency));
            }
            field.put("description", f.description());
        }
        return fields.toString();
    }

    @Override
    public ParquetTable text(String value) {
        return put(value);
    }

    @Override
    public ParquetTable integer(long value) {
        return put(value);
    }

    @Override
    public ParquetTable number(double value) {
        // the digits the CSV has, so the two formats hold the same numbers
        return put(Double.isNaN(value) ? null : Double.parseDouble(numbers.format(value)));
    }

    @Override
    public ParquetTable time(LocalDateTime value) {
        long seconds = value.toEpochSecond(ZoneOffset.UTC);
        return put(seconds * 1_000_000 + value.getNano() / 1_000);
    }

    private ParquetTable put(Object value) {
        if (column >= row.length) {
            throw new IllegalStateException("row has more fields than the " + row.length
                    + " columns");
        }
        row[column++] = value;
        return this;
    }

    @Override
    public void end() throws IOException {
        if (column != row.length) {
            throw new IllegalStateException("row has " + column + " fields, header " + row.length);
        }
        writer.write(row);
        java.util.Arrays.fill(row, null);
        column = 0;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** Hands one row (a field per column, null for none) to Parquet's record consumer. */
    private static final class RowWriter extends WriteSupport<Object[]> {
        private final MessageType schema;
        private final Map<String, String> metadata;
        private final List<String> names;
        private RecordConsumer consumer;

        RowWriter(MessageType schema, Map<String, String> metadata) {
            this.schema = schema;
            this.metadata = metadata;
            this.names = schema.getFields().stream().map(org.apache.parquet.schema.Type::getName)
                    .toList();
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, metadata);
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, metadata);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(Object[] record) {
            consumer.startMessage();
            for (int i = 0; i < record.length; i++) {
                Object value = record[i];
                if (value == null) {
                    continue;
                }
                consumer.startField(names.get(i), i);
                if (value instanceof String s) {
                    consumer.addBinary(Binary.fromString(s));
                } else if (value instanceof Long l) {
                    consumer.addLong(l);
                } else {
                    consumer.addDouble((Double) value);
                }
                consumer.endField(names.get(i), i);
            }
            consumer.endMessage();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final RowWriter rows;

        Builder(OutputFile file, RowWriter rows) {
            super(file);
            this.rows = rows;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration configuration) {
            return rows;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration configuration) {
            return rows;
        }
    }

    /** The output folder's stream as a Parquet file (written once, front to back). */
    private static final class StreamFile implements OutputFile {
        private final OutputStream stream;

        StreamFile(OutputStream stream) {
            this.stream = stream;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    stream.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    stream.write(b, off, len);
                    position += len;
                }

                @Override
                public void flush() throws IOException {
                    stream.flush();
                }

                @Override
                public void close() throws IOException {
                    stream.close();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
