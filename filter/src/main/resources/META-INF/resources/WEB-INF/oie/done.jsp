<%@ include file="_top.jspf" %>
<c:forEach var="oieOkta" items="${oie.oktaMessages}"><p class="info" id="oie-okta-message"><%@ include file="_okta-text.jspf" %></p></c:forEach>
<form method="post" action="${fn:escapeXml(oie.restartUrl)}" id="oie-restart">
  <input type="hidden" name="${oie.csrfParameter}" value="${fn:escapeXml(oie.csrfToken)}">
  <button type="submit" id="oie-submit"><fmt:message key="oie.button.backToSignIn" bundle="${oieText}"/></button>
</form>
<%@ include file="_bottom.jspf" %>
