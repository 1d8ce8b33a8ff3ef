<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>Your account</title>
<link rel="stylesheet" href="${pageContext.request.contextPath}/style.css"></head>
<body>
<main>
  <c:set var="user" value="${pageContext.request.userPrincipal}"/>
  <h1 id="greeting">Hello, <c:out value="${user.displayName}"/></h1>
  <p>Signed in as <strong id="remote-user"><c:out value="${pageContext.request.remoteUser}"/></strong>
     (<span id="email"><c:out value="${user.email}"/></span>).</p>
  <h2>Your groups</h2>
  <ul id="groups">
    <c:forEach var="g" items="${user.groups}"><li><c:out value="${g}"/></li></c:forEach>
  </ul>
  <p id="admin-check"><c:choose>
    <c:when test="${pageContext.request.isUserInRole('Admins')}">You are an administrator (role Admins).</c:when>
    <c:otherwise>You are not an administrator.</c:otherwise>
  </c:choose></p>
  <p><a href="${pageContext.request.contextPath}/app/details.jsp?tab=claims">Details</a> ·
     <a href="${pageContext.request.contextPath}/api/me">Your claims as JSON</a><c:if test="${pageContext.request.isUserInRole('Admins')}"> ·
     <a href="${pageContext.request.contextPath}/app/admin/">Administration</a></c:if></p>
  <form method="post" action="${oieLogoutUrl}" id="sign-out">
    <input type="hidden" name="_csrf" value="<c:out value='${oieCsrfToken}'/>">
    <button type="submit">Sign out</button>
  </form>
</main>
</body>
</html>
