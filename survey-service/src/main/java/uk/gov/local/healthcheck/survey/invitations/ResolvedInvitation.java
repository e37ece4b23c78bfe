package uk.gov.local.healthcheck.survey.invitations;

import java.time.LocalDate;
import java.util.UUID;

/** What the portal needs to show a practitioner the right questionnaire for a code that can take a response now. */
public record ResolvedInvitation(UUID invitationId, String roundId, String roundTitle, String instrument, int version,
                                 String authorityCode, String authorityName, LocalDate opensOn, LocalDate closesOn,
                                 LocalDate expiresOn, String status) {
}
