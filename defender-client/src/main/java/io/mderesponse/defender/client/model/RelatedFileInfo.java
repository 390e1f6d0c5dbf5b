package io.mderesponse.defender.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The file a machine action is about (stop-and-quarantine and the like).
 *
 * @param fileIdentifier the hash
 * @param fileIdentifierType {@code Sha1}, {@code Sha256} or {@code Md5}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelatedFileInfo(String fileIdentifier, String fileIdentifierType) {
}
