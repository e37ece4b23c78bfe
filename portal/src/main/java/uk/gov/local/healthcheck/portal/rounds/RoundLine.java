package uk.gov.local.healthcheck.portal.rounds;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A round as the pages show it: its deadline in words and how many days are left. */
public record RoundLine(String id, String title, String instrument, int version, String kind, String period,
                        String opensOn, String closesOn, boolean accepting, Integer daysLeft, String status,
                        long submitted, long drafts, long responses) {

    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    public static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public static RoundLine of(JsonNode r) {
        String kind = r.path("kind").asText("");
        if (kind.isEmpty()) {
            kind = "practitioner-survey".equals(r.path("instrument").asText()) ? "responses" : "returns";
        }
        JsonNode counts = r.path("counts");
        return new RoundLine(r.path("id").asText(), r.path("title").asText(r.path("id").asText()), r.path("instrument").asText(),
                r.path("version").asInt(), kind, r.path("period").asText(), day(r.path("opensOn").asText(null)),
                day(r.path("closesOn").asText(null)), r.path("acceptingSubmissions").asBoolean("open".equals(r.path("status").asText())),
                r.hasNonNull("daysLeft") ? r.get("daysLeft").asInt() : null, r.path("status").asText(),
                counts.path("submitted").asLong(), counts.path("drafts").asLong(), counts.path("responses").asLong());
    }

    public boolean returns() {
        return "returns".equals(kind);
    }

    /** "Closes 31 March 2027 (12 days left)", "Closes today", "Closed". */
    public String deadline() {
        if (!accepting) {
            return "open".equals(status) && daysLeft == null && closesOn != null ? "Not taking submissions (closes " + closesOn + ")"
                    : "Closed" + (closesOn == null ? "" : " (deadline " + closesOn + ")");
        }
        if (daysLeft == null) {
            return "Closes " + closesOn;
        }
        return daysLeft == 0 ? "Closes today, " + closesOn : "Closes " + closesOn + " (" + daysLeft + (daysLeft == 1 ? " day" : " days") + " left)";
    }

    static String day(String iso) {
        return iso == null || iso.isEmpty() ? null : LocalDate.parse(iso).format(DAY);
    }

    /** An API timestamp in London time, in words. */
    public static String moment(String iso) {
        if (iso == null || iso.isEmpty() || "null".equals(iso)) {
            return null;
        }
        return OffsetDateTime.parse(iso).atZoneSameInstant(LONDON).format(MOMENT).replace("AM", "am").replace("PM", "pm");
    }
}
