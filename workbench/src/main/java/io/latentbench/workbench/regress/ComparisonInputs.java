package io.latentbench.workbench.regress;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbench.workbench.regress.baseline.BaselineException;
import io.latentbench.workbench.regress.baseline.BaselineJson;
import io.latentbench.workbench.regress.baseline.Baselines;
import io.latentbench.workbench.results.ResultFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads either side of a comparison: a baselines.json, a latentbench results.json or a raw
 * JMH JSON file from any project, told apart by their shape.
 */
public final class ComparisonInputs {

    private ComparisonInputs() {}

    public static MeasurementSet read(Path file, String testbedOverride) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BaselineException(file + " does not exist");
        } catch (IOException e) {
            throw new BaselineException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JacksonException e) {
            throw new BaselineException(file + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (BaselineJson.looksLikeBaselines(root)) {
            MeasurementSet set = Baselines.toMeasurements(BaselineJson.fromTree(root, file.toString()), file + " (baselines)");
            return testbedOverride == null ? set
                    : new MeasurementSet(set.source(), testbedOverride, set.gitCommit(), set.timestamp(), set.measurements());
        }
        String kind = root != null && root.isArray() ? " (raw JMH JSON)" : " (results)";
        return Measurements.fromResults(ResultFiles.read(file), file + kind, testbedOverride);
    }
}
