<%@ include file="_top.jspf" %>
<h1><fmt:message key="oie.title.error" bundle="${oieText}"/></h1>
<c:if test="${oie.retryAfterSeconds > 0}">
  <p><fmt:message key="oie.text.retryAfter" bundle="${oieText}"><fmt:param value="${oie.retryAfterSeconds}"/></fmt:message></p>
</c:if>
<p><a id="oie-retry" href="${fn:escapeXml(oie.signInUrl)}"><fmt:message key="oie.button.retry" bundle="${oieText}"/></a></p>
<%@ include file="_bottom.jspf" %>
