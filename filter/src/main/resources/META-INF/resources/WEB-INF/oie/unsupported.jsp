<%@ include file="_top.jspf" %>
<h1><fmt:message key="oie.title.unsupported" bundle="${oieText}"/></h1>
<p><fmt:message key="oie.text.unsupported" bundle="${oieText}"/></p>
<p class="who"><fmt:message key="oie.text.unsupportedSteps" bundle="${oieText}"/>
  <c:forEach var="name" items="${oie.remediationNames}"><code><c:out value="${name}"/></code> </c:forEach></p>
<form method="post" action="${fn:escapeXml(oie.restartUrl)}" id="oie-restart">
  <input type="hidden" name="${oie.csrfParameter}" value="${fn:escapeXml(oie.csrfToken)}">
  <button type="submit"><fmt:message key="oie.button.startOver" bundle="${oieText}"/></button>
</form>
<%@ include file="_bottom.jspf" %>
