package uk.gov.local.healthcheck.benchmark.instruments;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.Reader;
import java.util.regex.Pattern;

/**
 * Loads instrument YAML so that option ids stay strings: YAML 1.1 would read {@code yes}, {@code no}, {@code on}
 * and {@code off} as booleans (and dates as timestamps). Here only true/false are booleans; numbers and nulls
 * resolve as in YAML 1.2, everything else is a string.
 */
final class InstrumentYaml {

    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    private InstrumentYaml() {
    }

    static Object load(Reader in) {
        LoaderOptions loading = new LoaderOptions();
        DumperOptions dumping = new DumperOptions();
        return new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading, new StringsFirst())
                .load(in);
    }

    private static final class StringsFirst extends Resolver {
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
