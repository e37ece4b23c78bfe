package uk.gov.local.healthcheck.survey.instruments;

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
 * Reads instrument files so that option ids stay the strings they are written as. YAML 1.1 would read the
 * option ids {@code yes}, {@code no}, {@code on} and {@code off} as booleans (and dates as timestamps); here only
 * true/false are booleans, and numbers, nulls and everything else resolve as YAML 1.2 does.
 */
final class InstrumentYaml {

    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    private InstrumentYaml() {
    }

    static Object load(InputStream in) {
        LoaderOptions loading = new LoaderOptions();
        DumperOptions dumping = new DumperOptions();
        return new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading, new OptionIdResolver()).load(in);
    }

    private static final class OptionIdResolver extends Resolver {
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
