package agora.market.run;

import java.util.Locale;

/** The file format of a run's tables ({@code agora run --format}). */
public enum OutputFormat {
    /** Tidy CSV files (the default). */
    CSV,
    /** Apache Parquet files: typed columns, compressed, with their units in the files. */
    PARQUET,
    /** Both, the same rows in each. */
    BOTH;

    /** True when the tables are written as CSV files. */
    public boolean csv() {
        return this != PARQUET;
    }

    /** True when the tables are written as Parquet files. */
    public boolean parquet() {
        return this != CSV;
    }

    /** The name on the command line and in summary.json. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
