package uk.gov.local.healthcheck.metrics.instruments;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Reads instrument files so that option ids stay the strings they are written as: YAML 1.1 would read {@code yes},
 * {@code no}, {@code on} and {@code off} as booleans. Only true/false are booleans here; numbers and nulls resolve as
 * usual, everything else is a string.
 */
final class InstrumentYaml {

    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    private InstrumentYaml() {
    }

    static Object load(InputStream in) {
        LoaderOptions loading = new LoaderOptions();
        DumperOptions dumping = new DumperOptions();
        return new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading, new StringOptionIds())
                .load(in);
    }

    private static final class StringOptionIds extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+.0123456789");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
