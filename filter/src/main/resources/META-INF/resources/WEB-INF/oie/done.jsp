<%@ include file="_top.jspf" %>
<c:forEach var="m" items="${oie.oktaMessages}"><p class="info" id="oie-okta-message"><c:choose><c:when test="${not empty m.messageKey}"><fmt:message key="${m.messageKey}" bundle="${oieText}"/></c:when><c:otherwise><c:out value="${m.text}"/></c:otherwise></c:choose></p></c:forEach>
<form method="post" action="${fn:escapeXml(oie.restartUrl)}" id="oie-restart">
  <input type="hidden" name="${oie.csrfParameter}" value="${fn:escapeXml(oie.csrfToken)}">
  <button type="submit" id="oie-submit"><fmt:message key="oie.button.backToSignIn" bundle="${oieText}"/></button>
</form>
<%@ include file="_bottom.jspf" %>
