package uk.gov.local.healthcheck.benchmark.api;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * The CSV form of the answers that have one (a comparison, a region's table, a national report), chosen by content
 * negotiation: an operation that produces both JSON and {@value Csv#MEDIA_TYPE} returns its DTO once, and a client
 * that asks for text/csv gets it written here instead of by Jackson.
 */
@Provider
@Produces(Csv.MEDIA_TYPE)
public class CsvBodyWriter implements MessageBodyWriter<Object> {

    private static final Map<Class<?>, Function<Object, String>> FORMS = Map.of(
            ComparisonDto.class, dto -> ComparisonCsv.write((ComparisonDto) dto),
            RegionTableDto.class, dto -> RegionTableCsv.write((RegionTableDto) dto),
            ReportDto.class, dto -> ReportCsv.write((ReportDto) dto));

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return FORMS.containsKey(type);
    }

    @Override
    public void writeTo(Object dto, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(FORMS.get(type).apply(dto).getBytes(StandardCharsets.UTF_8));
    }
}
