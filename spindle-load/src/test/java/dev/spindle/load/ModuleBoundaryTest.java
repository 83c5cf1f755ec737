package dev.spindle.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API never shows HdrHistogram, which the module uses inside and does not pass on to its
 * users. What every module shares (only the API and SPI packages exported, no internal type in a
 * public signature, Javadoc on every public type) is checked for all of them in spindle-bench's
 * ModuleBoundariesTest.
 */
class ModuleBoundaryTest {

    @Test
    void publicSignaturesUseNoHistogramType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> api : List.of(LoadGenerator.class, LoadOptions.class, LoadOptions.Builder.class, LoadReport.class,
                LoadProgress.class, Latency.class, ErrorKind.class)) {
            for (Method method : api.getMethods()) {
                Stream.concat(Stream.of(method.getReturnType()), Stream.of(method.getParameterTypes()))
                        .filter(type -> type.getPackageName().startsWith("org.HdrHistogram"))
                        .forEach(type -> leaks.add(api.getSimpleName() + "." + method.getName() + " uses " + type.getName()));
            }
        }
        assertThat(leaks).isEmpty();
    }
}
