<%@ include file="_top.jspf" %>
<p><fmt:message key="oie.text.unsupported" bundle="${oieText}"/></p>
<p class="who"><fmt:message key="oie.text.unsupportedSteps" bundle="${oieText}"/>
  <c:forEach var="name" items="${oie.offeredSteps}"><code><c:out value="${name}"/></code> </c:forEach></p>
<%@ include file="_restart.jspf" %>
<%@ include file="_bottom.jspf" %>
