package io.mderesponse.contracts.defender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A user logged on to the alert's machine ({@code loggedOnUsers}, seen in live responses only). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoggedOnUser(String accountName, String domainName) {
}
