<%@ include file="_top.jspf" %>
<c:if test="${oie.retryAfterSeconds > 0}">
  <p id="oie-retry-after"><fmt:message key="oie.text.retryAfter" bundle="${oieText}"><fmt:param value="${oie.retryAfterSeconds}"/></fmt:message></p>
</c:if>
<p><a id="oie-retry" href="${fn:escapeXml(oie.signInUrl)}"><fmt:message key="oie.button.retry" bundle="${oieText}"/></a></p>
<%@ include file="_bottom.jspf" %>
