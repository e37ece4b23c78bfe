package uk.gov.local.healthcheck.k8s.schema;

import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.List;

/** Field paths as a refusal names them: dotted, with [i] for a list's items (spec.containers[0].env). */
final class FieldPath {

    private FieldPath() {
    }

    static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    /** The path of a value Jackson could not bind, from below {@code start}. */
    static String of(String start, List<JsonMappingException.Reference> references) {
        String path = start;
        for (JsonMappingException.Reference reference : references) {
            path = reference.getFieldName() != null ? field(path, reference.getFieldName()) : item(path, reference.getIndex());
        }
        return path;
    }
}
