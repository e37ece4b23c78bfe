package uk.gov.local.healthcheck.survey.responses;

import java.util.List;

/** The answer to a batch: counts, and one result per non-blank line in line order. */
public record BatchResult(String roundId, int accepted, int duplicates, int rejected, List<LineResult> results) {

    static BatchResult of(String roundId, List<LineResult> results) {
        int accepted = 0;
        int duplicates = 0;
        for (LineResult r : results) {
            if (LineResult.ACCEPTED.equals(r.status())) {
                accepted++;
            } else if (LineResult.DUPLICATE.equals(r.status())) {
                duplicates++;
            }
        }
        return new BatchResult(roundId, accepted, duplicates, results.size() - accepted - duplicates, results);
    }
}
