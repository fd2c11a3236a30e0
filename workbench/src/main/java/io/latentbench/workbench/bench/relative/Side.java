package io.latentbench.workbench.bench.relative;

import io.latentbench.workbench.results.relative.RelativeRun;
import java.util.Objects;

/**
 * One side of a relative run: the code it is and the class path its forks run on (its own
 * jars: a base fork never sees a class of the head).
 *
 * @param role  "base" or "head"
 */
public record Side(String role, RelativeRun.Revision revision, String classpath) {

    public Side {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(revision, "revision");
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalArgumentException("the " + role + " side (" + revision.revision() + ") has no class path");
        }
    }
}
