package io.latentbench.workbench.regress;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbench.workbench.regress.baseline.BaselineException;
import io.latentbench.workbench.regress.baseline.BaselineFile;
import io.latentbench.workbench.regress.baseline.BaselineJson;
import io.latentbench.workbench.regress.baseline.Baselines;
import io.latentbench.workbench.results.InputFiles;
import io.latentbench.workbench.results.JsonErrors;
import io.latentbench.workbench.results.ResultFileException;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads either side of a comparison: a baselines.json, a latentbench results.json or a raw
 * JMH JSON file from any project, told apart by their shape. Each file is read and parsed once.
 */
public final class ComparisonInputs {

    private ComparisonInputs() {}

    /**
     * One side of a comparison.
     *
     * @throws ResultFileException when the file holds no benchmark, is not UTF-8 JSON, or has a corrupt sample
     * @throws BaselineException   when it cannot be read or is a corrupt baselines file
     */
    public static MeasurementSet read(Path file, String testbedOverride) {
        if (Files.notExists(file)) {
            throw new BaselineException(file + " does not exist");
        }
        String text;
        try {
            text = InputFiles.readUtf8(file);
        } catch (UncheckedIOException e) {
            throw new BaselineException("cannot read " + e.getMessage(), e.getCause());
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JacksonException e) {
            throw new BaselineException(file + " is not valid JSON (" + JsonErrors.describe(e) + ")", e);
        }
        MeasurementSet set = BaselineJson.looksLikeBaselines(root)
                ? ofBaselines(BaselineJson.fromTree(root, file.toString()), file, testbedOverride)
                : ofRun(ResultFiles.fromTree(file, root), ResultFiles.isJmhJson(root), file, testbedOverride);
        return requireUsable(set, file);
    }

    /** The comparable view of a baselines file that was read from (or written to) {@code file}. */
    static MeasurementSet ofBaselines(BaselineFile baselines, Path file, String testbedOverride) {
        MeasurementSet set = Baselines.toMeasurements(baselines, file + " (baselines)");
        return testbedOverride == null ? set
                : new MeasurementSet(set.source(), testbedOverride, set.gitCommit(), set.timestamp(), set.measurements());
    }

    /** The comparable view of the run read from {@code file}, a raw JMH file or a results.json. */
    static MeasurementSet ofRun(ResultSet run, boolean rawJmh, Path file, String testbedOverride) {
        return Measurements.fromResults(run, file + (rawJmh ? " (raw JMH JSON)" : " (results)"), testbedOverride);
    }

    /** A side with nothing to compare cannot pass a gate: an empty run, or one without a single sample. */
    static MeasurementSet requireUsable(MeasurementSet set, Path file) {
        if (set.measurements().isEmpty()) {
            throw new ResultFileException(file + " holds no benchmark results; cannot compare an empty run");
        }
        boolean anySample = set.measurements().values().stream().anyMatch(m -> !m.forkMeans().isEmpty());
        if (!anySample) {
            throw new ResultFileException(file + " has no per-fork samples for any of its "
                    + set.measurements().size() + " measurements (no rawData?); cannot compare it");
        }
        return set;
    }
}
