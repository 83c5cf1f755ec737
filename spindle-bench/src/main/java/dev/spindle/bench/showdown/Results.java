package dev.spindle.bench.showdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a showdown run measured, as the raw JSON holds it: the run's settings, the machine,
 * which models ran or were skipped and why, and the rows of each scenario. The scenarios add to
 * the lists as they go.
 *
 * @param run the command line, timings and how long the run took
 * @param machine cores, CPU, kernel, limits
 * @param models each model: ran, or skipped with the reason
 * @param hello scenario 1
 * @param timeline scenario 2
 * @param stall scenario 3
 * @param cascade scenario 4
 * @param lag scenario 5
 */
public record Results(Map<String, Object> run, Map<String, Object> machine, List<ModelStatus> models,
        List<Rows.Hello> hello, List<Rows.Timeline> timeline, List<Rows.Stall> stall, List<Rows.Cascade> cascade,
        List<Rows.LagRow> lag) {

    /**
     * Whether a model ran.
     *
     * @param model the model id
     * @param description what it is
     * @param status {@code ran}, {@code skipped} or {@code failed}
     * @param reason why it was skipped or failed; empty when it ran
     */
    public record ModelStatus(String model, String description, String status, String reason) {}

    /** Empty results, ready to be added to. */
    static Results empty() {
        return new Results(new LinkedHashMap<>(), Machine.describe(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
}
