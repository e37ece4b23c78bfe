package uk.gov.local.healthcheck.reference;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How this module reads its YAML files (the instruments and the indicator dictionary): ids stay the strings they are
 * written as. YAML 1.1 would read the option ids {@code yes}, {@code no}, {@code on} and {@code off} as booleans (and
 * dates as timestamps); here only true/false are booleans, and numbers, nulls and everything else resolve as YAML 1.2
 * does.
 */
public final class YamlFiles {

    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    private YamlFiles() {
    }

    /** The root mapping of a file; {@code what} names the kind of file in the message when it is not a mapping. */
    public static Map<?, ?> mapping(byte[] yaml, String what) {
        LoaderOptions loading = new LoaderOptions();
        DumperOptions dumping = new DumperOptions();
        Yaml parser = new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading, new IdResolver());
        Object doc = parser.load(new ByteArrayInputStream(yaml));
        if (!(doc instanceof Map<?, ?> root)) {
            throw new IllegalStateException(what + " is a YAML mapping");
        }
        return root;
    }

    /** The mappings of a sequence (anything else in it, or a node that is not a sequence, gives none). */
    public static List<Map<?, ?>> maps(Object list) {
        List<Map<?, ?>> maps = new ArrayList<>();
        if (list instanceof Collection<?> c) {
            c.forEach(o -> {
                if (o instanceof Map<?, ?> m) {
                    maps.add(m);
                }
            });
        }
        return maps;
    }

    /** A sequence as strings; empty when the node is absent or not a sequence. */
    public static List<String> strings(Object list) {
        return list instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
    }

    /** A field as a string, or null when it is absent. */
    public static String text(Map<?, ?> node, String field) {
        Object v = node.get(field);
        return v == null ? null : String.valueOf(v);
    }

    private static final class IdResolver extends Resolver {
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
