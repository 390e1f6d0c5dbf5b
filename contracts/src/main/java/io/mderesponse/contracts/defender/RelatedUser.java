package io.mderesponse.contracts.defender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The user an alert relates to ({@code relatedUser}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelatedUser(String userName, String domainName) {
}
