// Imports for `lb jshell`: the engine, the Bench facade, the results model, Tablesaw and XChart.
import java.util.*;
import java.util.stream.*;
import java.nio.file.*;
import io.latentbench.engine.*;
import io.latentbench.workbench.bench.*;
import io.latentbench.workbench.results.*;
import tech.tablesaw.api.*;
import org.knowm.xchart.*;
